// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "bus/BusConfig.h"
#include "engine/BusFieldError.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace fedmsg {

class ConnectionTest;
class CurveKeyStore;

/**
 * @brief Adds or edits one bus: its kind (fedmsg over ZeroMQ, or fedora-messaging over AMQP),
 * where it connects, what it subscribes to, its trust settings and its archive.
 *
 * OK checks the fields (BusValidator) and, when one is wrong, shows why under that field, moves
 * the focus there and stays open: nothing is saved. "Test connection" really connects with the
 * fields as they are (ConnectionTest) and shows the result and its reason. The CURVE client key
 * pair lives in the keychain (CurveKeyStore), never in the settings: "Show client key" reads it
 * (making one the first time) so its public half can be given to the bus's operator.
 */
class BusEditorDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p otherNames: the names the bus may not take. A new bus may change its kind and name.
    BusEditorDialog(
        const BusConfig &bus, QStringList otherNames, bool isNew, QWidget *parent = nullptr);
    ~BusEditorDialog() override;
    Q_DISABLE_COPY_MOVE(BusEditorDialog)

    /// The bus as the fields describe it.
    BusConfig bus() const;
    /// The error shown at a field ("" when none).
    QString errorAt(BusFieldError::Field field) const;
    QWidget *fieldWidget(BusFieldError::Field field) const;

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *labelEdit() const { return m_label; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QPlainTextEdit *endpointsEdit() const { return m_endpoints; }
    QLineEdit *curveKeyEdit() const { return m_curveKey; }
    QLineEdit *amqpUrlEdit() const { return m_amqpUrl; }
    QLineEdit *caCertEdit() const { return m_caCert; }
    QLineEdit *certEdit() const { return m_cert; }
    QLineEdit *keyEdit() const { return m_key; }
    QPlainTextEdit *topicsEdit() const { return m_topics; }
    QCheckBox *validateBox() const { return m_validate; }
    QLineEdit *caLocationEdit() const { return m_caLocation; }
    QLineEdit *crlLocationEdit() const { return m_crlLocation; }
    QCheckBox *nitpickyBox() const { return m_nitpicky; }
    QLineEdit *archiveEdit() const { return m_archive; }
    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResult() const { return m_testResult; }
    QLineEdit *clientKeyEdit() const { return m_clientKey; }

public Q_SLOTS:
    void accept() override;
    void testConnection();
    void showClientKey();

Q_SIGNALS:
    /// A connection test ended (the result is in testResult()).
    void connectionTested(bool ok, const QString &detail);

private:
    /// Shows @p errors at their fields (clearing the others); returns whether there were none.
    bool showErrors();
    /// A hidden label under @p fieldWidget for its errors; @p page: the transport form it is
    /// on (-1: both).
    QLabel *addErrorLabel(BusFieldError::Field field, QWidget *fieldWidget, int page = -1);
    void onKindChanged();

    BusConfig m_original;
    QStringList m_otherNames;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_label = nullptr;
    QCheckBox *m_enabled = nullptr;
    QStackedWidget *m_transportPages = nullptr;
    QPlainTextEdit *m_endpoints = nullptr;
    QLineEdit *m_curveKey = nullptr;
    QLineEdit *m_clientKey = nullptr;
    QPushButton *m_clientKeyButton = nullptr;
    QCheckBox *m_validate = nullptr;
    QLineEdit *m_caLocation = nullptr;
    QLineEdit *m_crlLocation = nullptr;
    QCheckBox *m_nitpicky = nullptr;
    QLineEdit *m_amqpUrl = nullptr;
    QLineEdit *m_caCert = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QPlainTextEdit *m_topics = nullptr;
    QLineEdit *m_archive = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QHash<int, QLabel *> m_errorLabels; ///< BusFieldError::Field -> its label
    QHash<int, QWidget *> m_fields;
    ConnectionTest *m_test = nullptr;
    CurveKeyStore *m_keys = nullptr;
};

} // namespace fedmsg
