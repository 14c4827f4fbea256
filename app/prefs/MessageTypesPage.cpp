// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "MessageTypesPage.h"
#include "MessageTypeFilterProxy.h"

#include "model/MessageTypeTreeModel.h"
#include "rules/MessageTypeCatalog.h"
#include "settings/Settings.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace fedmsg {

namespace {
QHash<QString, qint64> countsOf(const History *history, const rules::MessageTypeCatalog &catalog)
{
    if (!history)
        return {};
    return MessageTypeTreeModel::countsFromHistory(
        *history, catalog, QDateTime::currentDateTimeUtc().addDays(-7));
}
} // namespace

MessageTypesPage::MessageTypesPage(Settings *settings,
    const History *history,
    const rules::MessageTypeCatalog &catalog,
    QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new MessageTypeTreeModel(
          catalog, settings->messageTypesOff(), countsOf(history, catalog), this))
    , m_proxy(new MessageTypeFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_all(new QPushButton(tr("&All on"), this))
    , m_none(new QPushButton(tr("&None"), this))
{
    m_proxy->setSourceModel(m_model);

    auto *intro = new QLabel(tr("Messages of a type that is switched off are kept in the history "
                                "but do not pop up."),
        this);
    intro->setWordWrap(true);

    m_filter->setPlaceholderText(tr("Filter message types"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter message types"));
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });

    m_all->setAccessibleName(tr("Switch every message type on"));
    m_none->setAccessibleName(tr("Switch every message type off"));
    connect(m_all, &QPushButton::clicked, m_model, [this] {
        m_model->setAllOn(true);
    });
    connect(m_none, &QPushButton::clicked, m_model, [this] {
        m_model->setAllOn(false);
    });

    m_tree->setModel(m_proxy);
    m_tree->setAccessibleName(tr("Message types"));
    m_tree->setAccessibleDescription(
        tr("Services and their kinds of message; Space switches the current one on or off"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(MessageTypeTreeModel::LabelColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(
        MessageTypeTreeModel::CountColumn, QHeaderView::ResizeToContents);
    if (m_proxy->rowCount() > 0)
        m_tree->setCurrentIndex(m_proxy->index(0, 0));

    // Saved at once; the engine follows Settings::messageTypesOffChanged. A change made
    // elsewhere (a "Mute…" from a popup) shows here too.
    connect(m_model, &MessageTypeTreeModel::offChanged, settings, &Settings::setMessageTypesOff);
    connect(settings, &Settings::messageTypesOffChanged, m_model, &MessageTypeTreeModel::setOff);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_all);
    filterRow->addWidget(m_none);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filterRow);
    layout->addWidget(m_tree, 1);
    setTabOrder(m_filter, m_all);
    setTabOrder(m_all, m_none);
    setTabOrder(m_none, m_tree);
}

void MessageTypesPage::setIconLookup(std::function<QString(const QString &)> lookup)
{
    m_proxy->setIconLookup(std::move(lookup));
}

} // namespace fedmsg
