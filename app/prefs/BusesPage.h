// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "BusEditorDialog.h"
#include "bus/BusConfig.h"
#include "bus/EndpointStatus.h"

#include <QFileDialog>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;

class QLabel;
class QPushButton;
class QTreeView;

namespace fedmsg {

class BusListModel;
class Settings;

/**
 * @brief Preferences page "Buses": the configured buses with their endpoints and the live
 * state of each, add / edit / remove, a tick to enable one, import from a fedmsg.d folder or a
 * fedora-messaging config.toml, and what to do with untrusted messages.
 *
 * Every change is saved at once (Settings::setBuses); the applet restarts or reconfigures that
 * bus's source from there (Settings::busesChanged). The states come from the engine through
 * setEndpointStatuses() / setEndpointStatus() (Engine::endpointStatusChanged). The buses the
 * program ships (presets) can be switched off but not removed: they would come back. The
 * applet hands over its own presets (setPresets(): its fedmsg.d folders, --config included);
 * under --demo it shows the demo bus it runs on instead, and changes nothing (showDemoBus()).
 */
class BusesPage : public QWidget
{
    Q_OBJECT
public:
    /// @p presets: the buses that come with the program (Transports::presets()).
    BusesPage(Settings *settings, const QList<BusConfig> &presets, QWidget *parent = nullptr);
    /// The same with Transports::presets().
    explicit BusesPage(Settings *settings, QWidget *parent = nullptr);

    QTreeView *busView() const { return m_view; }
    BusListModel *model() const { return m_model; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *importFedmsgButton() const { return m_importFedmsg; }
    QPushButton *importTomlButton() const { return m_importToml; }
    QComboBox *untrustedBox() const { return m_untrusted; }
    /// Replaces the presets (the applet's: Transports::presets() over the fedmsg.d folders it
    /// reads, --config included) and shows the buses again.
    void setPresets(const QList<BusConfig> &presets);
    /// The applet runs on its embedded demo bus (--demo), not on the configured buses: the page
    /// shows that bus, says so, and is read-only (nothing the demo would ignore can be changed).
    void showDemoBus(const BusConfig &demo);
    bool isDemo() const { return m_demo.has_value(); }
    /// What the last import or removal said.
    QLabel *messageLabel() const { return m_message; }
    /// The editor while it is open (for tests and screenshots), else nullptr.
    BusEditorDialog *editor() const { return m_editor; }
    /// The import's file chooser while it is open, else nullptr.
    QFileDialog *fileDialog() const { return m_fileDialog; }

public Q_SLOTS:
    void setEndpointStatuses(const QList<fedmsg::EndpointStatus> &statuses);
    void setEndpointStatus(const fedmsg::EndpointStatus &status);
    void addBus();
    void editBus();
    void removeBus();
    /// Asks for a fedmsg.d folder, then importFedmsgFolder().
    void chooseFedmsgFolder();
    /// Asks for a config.toml, then importToml().
    void chooseToml();
    /// Adds the bus of a fedmsg.d folder; false (and why, in messageLabel()) when it cannot.
    bool importFedmsgFolder(const QString &folder);
    /// Adds the bus of a fedora-messaging config.toml; false (and why) when it cannot.
    bool importToml(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reload();
    void save();
    void updateButtons();
    int currentRow() const;
    void select(const QString &name);
    QStringList names(const QString &except = {}) const;
    bool isPreset(const QString &name) const;
    void openEditor(const BusConfig &bus, bool isNew);
    void addImported(const BusConfig &bus, const QStringList &warnings);

    Settings *m_settings;
    QList<BusConfig> m_presets;
    std::optional<BusConfig> m_demo; ///< the --demo applet's bus: shown alone, read-only
    BusListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_importFedmsg = nullptr;
    QPushButton *m_importToml = nullptr;
    QComboBox *m_untrusted = nullptr;
    QLabel *m_message = nullptr;
    QPointer<BusEditorDialog> m_editor;
    QPointer<QFileDialog> m_fileDialog;
    bool m_saving = false;
};

} // namespace fedmsg
