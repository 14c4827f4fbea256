// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "BusesPage.h"

#include "BusEditorDialog.h"
#include "amqp/FedoraMessagingConfig.h"
#include "config/FedmsgConfigReader.h"
#include "engine/BusImport.h"
#include "engine/Transports.h"
#include "model/BusListModel.h"
#include "settings/Settings.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace fedmsg {

BusesPage::BusesPage(Settings *settings, QWidget *parent)
    : BusesPage(settings, Transports::presets(), parent)
{}

BusesPage::BusesPage(Settings *settings, const QList<BusConfig> &presets, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_presets(presets)
    , m_model(new BusListModel(this))
    , m_view(new QTreeView(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_importFedmsg(new QPushButton(tr("Import &fedmsg.d…"), this))
    , m_importToml(new QPushButton(tr("Import config.&toml…"), this))
    , m_untrusted(new QComboBox(this))
    , m_message(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Buses and their endpoints"));
    m_view->setAccessibleDescription(
        tr("Space switches the selected bus on or off; Enter edits it; Delete removes it"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(BusListModel::LabelColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(BusListModel::KindColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(BusListModel::StateColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);

    m_add->setAccessibleName(tr("Add a bus"));
    m_edit->setAccessibleName(tr("Edit the selected bus"));
    m_remove->setAccessibleName(tr("Remove the selected bus"));
    m_importFedmsg->setAccessibleName(tr("Import a bus from a fedmsg.d folder"));
    m_importToml->setAccessibleName(tr("Import a bus from a fedora-messaging config.toml"));
    m_message->setObjectName(QStringLiteral("busesMessage"));
    m_message->setAccessibleName(tr("Buses page message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // Untrusted messages: lib/rules UntrustedPolicy, stored by name.
    m_untrusted->addItem(tr("Hide them"), QStringLiteral("hide"));
    m_untrusted->addItem(tr("Keep them in the history only"), QStringLiteral("history"));
    m_untrusted->addItem(tr("Show them, marked untrusted"), QStringLiteral("show"));
    m_untrusted->setAccessibleName(tr("Untrusted or unsigned messages"));
    m_untrusted->setToolTip(tr("fedmsg messages whose signature is missing or does not verify, "
                               "unless a rule asks for untrusted messages by name"));
    m_untrusted->setCurrentIndex(m_untrusted->findData(settings->untrustedPolicy()));
    connect(m_untrusted, &QComboBox::currentIndexChanged, settings, [this] {
        m_settings->setUntrustedPolicy(m_untrusted->currentData().toString());
    });

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : { m_add, m_edit, m_remove, m_importFedmsg, m_importToml })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_view, 1);
    body->addLayout(buttons);
    auto *trust = new QFormLayout;
    trust->addRow(tr("&Untrusted or unsigned messages:"), m_untrusted);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_message);
    layout->addLayout(trust);

    connect(m_add, &QPushButton::clicked, this, &BusesPage::addBus);
    connect(m_edit, &QPushButton::clicked, this, &BusesPage::editBus);
    connect(m_remove, &QPushButton::clicked, this, &BusesPage::removeBus);
    connect(m_importFedmsg, &QPushButton::clicked, this, &BusesPage::chooseFedmsgFolder);
    connect(m_importToml, &QPushButton::clicked, this, &BusesPage::chooseToml);
    connect(m_view, &QTreeView::doubleClicked, this, &BusesPage::editBus);
    // Enter edits the bus; the view would pass it on to the dialog's default button (Close).
    m_view->installEventFilter(this);
    auto *remove =
        new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &BusesPage::removeBus);
    connect(m_model, &BusListModel::enabledChanged, this, [this] {
        save();
    });
    connect(settings, &Settings::busesChanged, this, [this] {
        if (!m_saving)
            reload();
    });
    connect(settings, &Settings::untrustedPolicyChanged, this, [this](const QString &policy) {
        m_untrusted->setCurrentIndex(m_untrusted->findData(policy));
    });
    reload();
}

bool BusesPage::eventFilter(QObject *watched, QEvent *event)
{
    const auto *keyPress =
        event->type() == QEvent::KeyPress ? dynamic_cast<const QKeyEvent *>(event) : nullptr;
    if (watched == m_view && keyPress) {
        const int key = keyPress->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            editBus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void BusesPage::setPresets(const QList<BusConfig> &presets)
{
    m_presets = presets;
    reload();
}

void BusesPage::showDemoBus(const BusConfig &demo)
{
    m_demo = demo;
    m_model->setReadOnly(true);
    reload();
    m_message->setText(tr("Demo mode (--demo): the applet receives only from its embedded demo "
                          "bus, shown here. Your buses are not used in this run; start the "
                          "applet without --demo to change them."));
}

void BusesPage::reload()
{
    const int row = currentRow();
    const QString current = row >= 0 ? m_model->buses().at(row).name : QString();
    m_model->setBuses(m_demo ? QList<BusConfig> { *m_demo } : m_settings->buses(m_presets));
    m_view->expandAll();
    connect(m_view->selectionModel(),
        &QItemSelectionModel::currentChanged,
        this,
        &BusesPage::updateButtons,
        Qt::UniqueConnection);
    select(
        current.isEmpty() && !m_model->buses().isEmpty() ? m_model->buses().first().name : current);
}

void BusesPage::save()
{
    if (m_demo)
        return; // read-only: the demo's bus is not the user's
    // A preset left as it comes is not stored: Settings::buses() adds it back as the program
    // (and the fedmsg.d / config.toml it was read from) has it then, instead of a frozen copy.
    QList<BusConfig> changed;
    for (const BusConfig &bus : m_model->buses()) {
        const auto preset =
            std::find_if(m_presets.begin(), m_presets.end(), [&](const BusConfig &p) {
                return p.name == bus.name;
            });
        BusConfig asShipped = bus;
        if (preset != m_presets.end())
            asShipped.amqp.queueName = preset->amqp.queueName; // the source's, kept apart
        if (preset == m_presets.end() || !(asShipped == *preset))
            changed.append(bus);
    }
    m_saving = true;
    m_settings->setBuses(changed);
    m_settings->sync();
    m_saving = false;
    updateButtons();
}

int BusesPage::currentRow() const
{
    QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return -1;
    if (index.parent().isValid())
        index = index.parent();
    return index.row();
}

void BusesPage::select(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, BusListModel::LabelColumn));
    updateButtons();
}

QStringList BusesPage::names(const QString &except) const
{
    QStringList result;
    for (const BusConfig &bus : m_model->buses())
        if (bus.name != except)
            result.append(bus.name);
    return result;
}

bool BusesPage::isPreset(const QString &name) const
{
    return std::any_of(m_presets.begin(), m_presets.end(), [&](const BusConfig &b) {
        return b.name == name;
    });
}

void BusesPage::updateButtons()
{
    const int row = currentRow();
    const bool demo = m_demo.has_value();
    for (QPushButton *b : { m_add, m_importFedmsg, m_importToml })
        b->setEnabled(!demo);
    m_edit->setEnabled(row >= 0 && !demo);
    const bool preset = row >= 0 && isPreset(m_model->buses().at(row).name);
    m_remove->setEnabled(row >= 0 && !preset && !demo);
    m_remove->setToolTip(preset ? tr("A bus that comes with the program cannot be removed; untick "
                                     "it to switch it off")
                                : QString());
}

void BusesPage::setEndpointStatuses(const QList<EndpointStatus> &statuses)
{
    m_model->setStatuses(statuses);
}

void BusesPage::setEndpointStatus(const EndpointStatus &status)
{
    m_model->setStatus(status);
}

void BusesPage::addBus()
{
    if (m_demo)
        return;
    BusConfig bus;
    bus.enabled = true;
    bus.trust = TrustConfig {};
    bus.trust.validateSignatures = false; // a bus of one's own rarely signs; the editor says so
    bus.name = BusImport::uniqueName(QStringLiteral("my-bus"), names());
    openEditor(bus, true);
}

void BusesPage::editBus()
{
    const int row = currentRow();
    if (row >= 0 && !m_demo)
        openEditor(m_model->buses().at(row), false);
}

void BusesPage::openEditor(const BusConfig &bus, bool isNew)
{
    if (m_editor)
        return;
    auto *editor = new BusEditorDialog(bus, names(isNew ? QString() : bus.name), isNew, this);
    m_editor = editor;
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, isNew, name = bus.name] {
        const BusConfig edited = editor->bus();
        QList<BusConfig> buses = m_model->buses();
        const int row = m_model->rowOf(name);
        if (isNew || row < 0)
            buses.append(edited);
        else
            buses[row] = edited;
        m_model->setBuses(buses);
        m_view->expandAll();
        save();
        select(edited.name);
        m_message->setText(isNew ? tr("Bus %1 added.").arg(BusListModel::labelText(edited))
                                 : tr("Bus %1 saved.").arg(BusListModel::labelText(edited)));
    });
    connect(editor, &QDialog::finished, this, [this] {
        m_view->setFocus();
    });
    m_editor->open();
}

void BusesPage::removeBus()
{
    const int row = currentRow();
    if (row < 0 || m_demo || isPreset(m_model->buses().at(row).name))
        return;
    QList<BusConfig> buses = m_model->buses();
    const BusConfig removed = buses.takeAt(row);
    m_model->setBuses(buses);
    m_view->expandAll();
    save();
    if (!buses.isEmpty())
        select(buses.at(std::min<qsizetype>(row, buses.size() - 1)).name);
    m_message->setText(tr("Bus %1 removed.").arg(BusListModel::labelText(removed)));
}

void BusesPage::chooseFedmsgFolder()
{
    if (m_fileDialog || m_demo)
        return;
    // Opens where fedmsg.d folders are: ~/.fedmsg.d, then /etc/fedmsg.d, else home.
    QString start = QDir::homePath();
    const QStringList folders { QDir::homePath() + QStringLiteral("/.fedmsg.d"),
        FedmsgConfigReader::systemDirectory() };
    for (const QString &dir : folders) {
        if (QFileInfo(dir).isDir()) {
            start = dir;
            break;
        }
    }
    m_fileDialog = new QFileDialog(this, tr("Import a fedmsg.d folder"), start);
    m_fileDialog->setFileMode(QFileDialog::Directory);
    m_fileDialog->setOption(QFileDialog::ShowDirsOnly);
    m_fileDialog->setOption(
        QFileDialog::DontUseNativeDialog); // the same, keyboard included, everywhere
    m_fileDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_fileDialog, &QFileDialog::fileSelected, this, &BusesPage::importFedmsgFolder);
    m_fileDialog->open();
}

void BusesPage::chooseToml()
{
    if (m_fileDialog || m_demo)
        return;
    // Opens where fedora-messaging keeps it (~/.config/fedora-messaging, /etc/fedora-messaging).
    const QString existing = FedoraMessagingConfig::findExisting();
    m_fileDialog = new QFileDialog(this,
        tr("Import a fedora-messaging config.toml"),
        existing.isEmpty() ? QDir::homePath() : existing,
        tr("fedora-messaging configuration (*.toml)"));
    m_fileDialog->setFileMode(QFileDialog::ExistingFile);
    m_fileDialog->setOption(QFileDialog::DontUseNativeDialog);
    m_fileDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_fileDialog, &QFileDialog::fileSelected, this, &BusesPage::importToml);
    m_fileDialog->open();
}

bool BusesPage::importFedmsgFolder(const QString &folder)
{
    if (m_demo)
        return false;
    QString error;
    const auto bus = BusImport::fedmsgFolder(folder, names(), &error);
    if (!bus) {
        m_message->setText(tr("Not imported: %1").arg(error));
        return false;
    }
    addImported(*bus, {});
    return true;
}

bool BusesPage::importToml(const QString &path)
{
    if (m_demo)
        return false;
    QString error;
    QStringList warnings;
    const auto bus = BusImport::fedoraMessagingToml(path, names(), &error, &warnings);
    if (!bus) {
        m_message->setText(tr("Not imported: %1").arg(error));
        return false;
    }
    addImported(*bus, warnings);
    return true;
}

void BusesPage::addImported(const BusConfig &bus, const QStringList &warnings)
{
    QList<BusConfig> buses = m_model->buses();
    buses.append(bus);
    m_model->setBuses(buses);
    m_view->expandAll();
    save();
    select(bus.name);
    QString text = tr("Imported %1 as bus %2.").arg(BusListModel::labelText(bus), bus.name);
    if (!warnings.isEmpty())
        text += QLatin1Char(' ') + tr("Not imported: %1").arg(warnings.join(QStringLiteral("; ")));
    m_message->setText(text);
}

} // namespace fedmsg
