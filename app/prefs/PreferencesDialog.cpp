// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "PreferencesDialog.h"

#include "BusesPage.h"
#include "MessageTypesPage.h"
#include "NotificationsPage.h"
#include "RulesPage.h"
#include "engine/RulePreview.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <array>
#include <utility>

namespace fedmsg {

PreferencesDialog::PreferencesDialog(Settings *settings,
    const History *history,
    const rules::MessageTypeCatalog &catalog,
    AutostartEntry autostart,
    std::unique_ptr<RulePreview> preview,
    QWidget *parent)
    : QDialog(parent)
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_messageTypes(new MessageTypesPage(settings, history, catalog, m_stack))
    , m_notifications(new NotificationsPage(settings, std::move(autostart), m_stack))
    , m_preview(std::move(preview))
    , m_rules(new RulesPage(settings, &catalog, m_preview.get(), m_stack))
{
    setWindowTitle(tr("fedmsg-notify Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_pages->setAccessibleName(tr("Preferences pages"));
    m_pages->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);

    const std::array<std::pair<QWidget *, QString>, PageCount> pages { {
        { m_messageTypes, tr("Message types") },
        { m_notifications, tr("Notifications") },
        { m_rules, tr("Rules") },
        { new BusesPage(settings, m_stack), tr("Buses") },
    } };
    for (const auto &[page, title] : pages) {
        m_stack->addWidget(page);
        m_pages->addItem(title);
        page->setAccessibleName(title);
    }
    // As wide as its longest title in the language shown, never cut short with a scroll bar.
    m_pages->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pages->setFixedWidth(m_pages->sizeHintForColumn(0) + 2 * m_pages->frameWidth() + 24);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentRow(0);
    // Ctrl+PgDown / Ctrl+PgUp walk the pages from anywhere in the dialog, as in tabbed dialogs
    // (shortcuts, so the lists and fields of a page do not take the keys first).
    const auto step = [this](int by) {
        m_pages->setCurrentRow((m_pages->currentRow() + by + PageCount) % PageCount);
    };
    auto *next = new QShortcut(QKeySequence(Qt::ControlModifier | Qt::Key_PageDown), this);
    connect(next, &QShortcut::activated, this, [step] {
        step(1);
    });
    auto *previous = new QShortcut(QKeySequence(Qt::ControlModifier | Qt::Key_PageUp), this);
    connect(previous, &QShortcut::activated, this, [step] {
        step(-1);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close preferences"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *body = new QHBoxLayout;
    body->addWidget(m_pages);
    body->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    resize(760, 520);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::showPage(Page page)
{
    m_pages->setCurrentRow(int(page));
}

PreferencesDialog::Page PreferencesDialog::currentPage() const
{
    return Page(m_stack->currentIndex());
}

} // namespace fedmsg
