// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "BusEditorDialog.h"

#include "engine/BusValidator.h"
#include "engine/ConnectionTest.h"
#include "model/BusListModel.h"
#include "zeromq/CurveKeyStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace fedmsg {

namespace {
using Field = BusFieldError::Field;

constexpr int ZeroMqPage = 0;
constexpr int AmqpPage = 1;

/// The key of a field's error label: the two transport forms each have their own labels.
int errorKey(int page, Field field)
{
    return page * 100 + int(field);
}

QLineEdit *lineEdit(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setAccessibleName(accessibleName);
    return edit;
}

QPlainTextEdit *linesEdit(const QStringList &lines, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(lines.join(QLatin1Char('\n')), parent);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true); // Tab leaves the field: the dialog works with the keyboard
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 5);
    return edit;
}

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : all)
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    return result;
}
} // namespace

BusEditorDialog::BusEditorDialog(
    const BusConfig &bus, QStringList otherNames, bool isNew, QWidget *parent)
    : QDialog(parent)
    , m_original(bus)
    , m_otherNames(std::move(otherNames))
    , m_kind(new QComboBox(this)) // the first widget either way: the tab order starts with it
    , m_test(new ConnectionTest(this))
    , m_keys(new CurveKeyStore(this))
{
    setWindowTitle(isNew ? tr("Add a bus") : tr("Edit bus %1").arg(bus.name));
    setObjectName(QStringLiteral("busEditorDialog"));
    const bool amqp = bus.transport == BusConfig::Transport::Amqp;

    auto *top = new QFormLayout;
    m_kind->addItem(BusListModel::kindText(BusConfig::Transport::ZeroMq));
    m_kind->addItem(BusListModel::kindText(BusConfig::Transport::Amqp));
    m_kind->setCurrentIndex(amqp ? AmqpPage : ZeroMqPage);
    m_kind->setEnabled(isNew);
    m_kind->setAccessibleName(tr("Kind of bus"));
    top->addRow(tr("&Kind:"), m_kind);
    m_name = lineEdit(bus.name, tr("Bus name"), this);
    m_name->setReadOnly(!isNew); // it names the keychain entry and the queue
    m_name->setToolTip(tr("Letters, digits, '.', '_' and '-'; it cannot change later"));
    top->addRow(tr("&Name:"), m_name);
    top->addRow(QString(), addErrorLabel(Field::Name, m_name));
    // A preset's label in the user's language; saved unchanged it stays the stored English
    // source (so it follows a later change of language), typed over it is the user's.
    m_label = lineEdit(BusListModel::labelText(bus), tr("Bus label"), this);
    top->addRow(tr("&Label:"), m_label);
    m_enabled = new QCheckBox(tr("&Enabled"), this);
    m_enabled->setChecked(bus.enabled);
    m_enabled->setAccessibleName(tr("Bus enabled"));
    top->addRow(QString(), m_enabled);

    // fedmsg (ZeroMQ): endpoints, CURVE, trust.
    // The widgets below are made in the body, in the order the tab key and a screen reader
    // visit them (the order they were made in), not in the initializer list.
    auto *transportPages = new QStackedWidget(this);
    m_transportPages = transportPages;
    auto *zmqPage = new QWidget(m_transportPages);
    auto *zmq = new QFormLayout(zmqPage);
    zmq->setContentsMargins(0, 0, 0, 0);
    QString sharedKey;
    const QString endpointText =
        amqp ? QString() : BusValidator::endpointsToText(bus.endpoints, &sharedKey);
    m_endpoints = linesEdit(QStringList { endpointText }, tr("ZeroMQ endpoints"), zmqPage);
    m_endpoints->setPlaceholderText(tr("tcp://host:port, one a line (optionally followed by its "
                                       "CURVE server key)"));
    zmq->addRow(tr("En&dpoints:"), m_endpoints);
    zmq->addRow(QString(), addErrorLabel(Field::Endpoints, m_endpoints, ZeroMqPage));
    m_curveKey = lineEdit(sharedKey, tr("CURVE server key"), zmqPage);
    m_curveKey->setPlaceholderText(tr("empty: no encryption"));
    zmq->addRow(tr("CURVE &server key:"), m_curveKey);
    zmq->addRow(QString(), addErrorLabel(Field::CurveServerKey, m_curveKey, ZeroMqPage));
    auto *clientRow = new QHBoxLayout;
    m_clientKey = lineEdit(QString(), tr("CURVE client public key"), zmqPage);
    m_clientKey->setReadOnly(true);
    m_clientKey->setPlaceholderText(tr("kept in the keychain"));
    m_clientKeyButton = new QPushButton(tr("Show client ke&y"), zmqPage);
    m_clientKeyButton->setAccessibleName(tr("Show the CURVE client public key"));
    clientRow->addWidget(m_clientKey, 1);
    clientRow->addWidget(m_clientKeyButton);
    zmq->addRow(tr("CURVE client key:"), clientRow);
    m_validate = new QCheckBox(tr("&Validate signatures"), zmqPage);
    m_validate->setChecked(bus.trust.validateSignatures);
    m_validate->setAccessibleName(tr("Validate signatures"));
    zmq->addRow(QString(), m_validate);
    m_caLocation = lineEdit(bus.trust.caLocation, tr("CA certificate location"), zmqPage);
    m_caLocation->setPlaceholderText(tr("file or https:// URL; empty: Fedora's CA"));
    zmq->addRow(tr("C&A location:"), m_caLocation);
    zmq->addRow(QString(), addErrorLabel(Field::CaLocation, m_caLocation, ZeroMqPage));
    m_crlLocation = lineEdit(bus.trust.crlLocation, tr("CRL location"), zmqPage);
    m_crlLocation->setPlaceholderText(tr("file or https:// URL; empty: no revocation list"));
    zmq->addRow(tr("C&RL location:"), m_crlLocation);
    zmq->addRow(QString(), addErrorLabel(Field::CrlLocation, m_crlLocation, ZeroMqPage));
    m_nitpicky = new QCheckBox(
        tr("Routing n&itpicky (refuse topics the routing policy does not list)"), zmqPage);
    m_nitpicky->setChecked(bus.trust.routingNitpicky);
    m_nitpicky->setAccessibleName(tr("Routing nitpicky"));
    zmq->addRow(QString(), m_nitpicky);
    m_transportPages->addWidget(zmqPage);

    // fedora-messaging (AMQP): broker URL and TLS files.
    auto *amqpPage = new QWidget(m_transportPages);
    auto *am = new QFormLayout(amqpPage);
    am->setContentsMargins(0, 0, 0, 0);
    m_amqpUrl = lineEdit(amqp && !bus.endpoints.isEmpty() ? bus.endpoints.first().url : QString(),
        tr("AMQP URL"),
        amqpPage);
    m_amqpUrl->setPlaceholderText(
        QStringLiteral("amqps://rabbitmq.fedoraproject.org/%2Fpublic_pubsub")); // i18n: a URL
    am->addRow(tr("&URL:"), m_amqpUrl);
    am->addRow(QString(), addErrorLabel(Field::Endpoints, m_amqpUrl, AmqpPage));
    m_caCert = lineEdit(bus.amqp.caCertFile, tr("CA certificate file"), amqpPage);
    am->addRow(tr("C&A certificate:"), m_caCert);
    am->addRow(QString(), addErrorLabel(Field::CaCertFile, m_caCert, AmqpPage));
    m_cert = lineEdit(bus.amqp.certFile, tr("Client certificate file"), amqpPage);
    am->addRow(tr("Client &certificate:"), m_cert);
    am->addRow(QString(), addErrorLabel(Field::CertFile, m_cert, AmqpPage));
    m_key = lineEdit(bus.amqp.keyFile, tr("Client key file"), amqpPage);
    am->addRow(tr("Client ke&y:"), m_key);
    am->addRow(QString(), addErrorLabel(Field::KeyFile, m_key, AmqpPage));
    m_transportPages->addWidget(amqpPage);

    auto *bottom = new QFormLayout;
    m_topics = linesEdit(bus.topics, tr("Topics"), this);
    m_topics->setPlaceholderText(tr("one a line; empty: every message"));
    bottom->addRow(tr("T&opics:"), m_topics);
    m_archive = lineEdit(bus.archiveUrl, tr("Archive URL"), this);
    m_archive->setPlaceholderText(BusConfig::fedoraArchiveUrl());
    m_archive->setToolTip(tr("The bus's datagrepper: what was missed while away is fetched from "
                             "there; empty: none"));
    bottom->addRow(tr("Arc&hive (datagrepper):"), m_archive);
    bottom->addRow(QString(), addErrorLabel(Field::ArchiveUrl, m_archive));

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setAccessibleName(tr("Test connection"));
    auto *testResult = new QLabel(this); // after the button, in reading order (see above)
    m_testResult = testResult;
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testResult->setFocusPolicy(Qt::NoFocus);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the bus"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel editing the bus"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BusEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_transportPages);
    layout->addLayout(bottom);
    layout->addLayout(testRow);
    layout->addWidget(buttons);

    m_fields = {
        { int(Field::Name), m_name },
        { int(Field::CurveServerKey), m_curveKey },
        { int(Field::CaCertFile), m_caCert },
        { int(Field::CertFile), m_cert },
        { int(Field::KeyFile), m_key },
        { int(Field::CaLocation), m_caLocation },
        { int(Field::CrlLocation), m_crlLocation },
        { int(Field::ArchiveUrl), m_archive },
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, &BusEditorDialog::onKindChanged);
    onKindChanged();
    connect(m_testButton, &QPushButton::clicked, this, &BusEditorDialog::testConnection);
    connect(m_test, &ConnectionTest::finished, this, [this](bool ok, const QString &detail) {
        m_testButton->setEnabled(true);
        m_testResult->setText(ok ? tr("Connected: %1").arg(detail) : tr("Failed: %1").arg(detail));
        Q_EMIT connectionTested(ok, detail);
    });
    connect(m_clientKeyButton, &QPushButton::clicked, this, &BusEditorDialog::showClientKey);
    connect(
        m_keys, &CurveKeyStore::keysReady, this, [this](const QString &, const CurveKeyPair &keys) {
            m_clientKey->setText(
                QString::fromLatin1(keys.publicKey)); // the secret half stays there
            m_clientKeyButton->setEnabled(true);
        });
    connect(
        m_keys, &CurveKeyStore::keysFailed, this, [this](const QString &, const QString &error) {
            m_clientKey->setText(tr("keychain: %1").arg(error));
            m_clientKeyButton->setEnabled(true);
        });
    (isNew ? static_cast<QWidget *>(m_kind) : m_label)->setFocus();
}

BusEditorDialog::~BusEditorDialog() = default;

QLabel *BusEditorDialog::addErrorLabel(Field field, QWidget *fieldWidget, int page)
{
    auto *label = new QLabel(fieldWidget->parentWidget());
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(link-visited); font-weight: bold"));
    label->setAccessibleName(tr("Error at %1").arg(fieldWidget->accessibleName()));
    label->setVisible(false);
    label->setBuddy(fieldWidget);
    for (const int p : { ZeroMqPage, AmqpPage })
        if (page < 0 || page == p)
            m_errorLabels.insert(errorKey(p, field), label);
    return label;
}

void BusEditorDialog::onKindChanged()
{
    m_transportPages->setCurrentIndex(m_kind->currentIndex());
    m_fields.insert(int(Field::Endpoints),
        m_kind->currentIndex() == AmqpPage ? static_cast<QWidget *>(m_amqpUrl) : m_endpoints);
    // The hidden form's fields leave the tab chain with it (QStackedWidget hides them).
}

BusConfig BusEditorDialog::bus() const
{
    BusConfig bus = m_original;
    bus.transport = m_kind->currentIndex() == AmqpPage ? BusConfig::Transport::Amqp
                                                       : BusConfig::Transport::ZeroMq;
    bus.name = m_name->text().trimmed();
    bus.label = m_label->text().trimmed();
    if (bus.label == BusListModel::labelText(m_original))
        bus.label = m_original.label;
    bus.enabled = m_enabled->isChecked();
    bus.topics = lines(m_topics);
    bus.archiveUrl = m_archive->text().trimmed();
    if (bus.transport == BusConfig::Transport::Amqp) {
        const QString url = m_amqpUrl->text().trimmed();
        bus.endpoints = url.isEmpty() ? QList<BusEndpoint> {} : QList<BusEndpoint> { { url, {} } };
        bus.amqp.caCertFile = m_caCert->text().trimmed();
        bus.amqp.certFile = m_cert->text().trimmed();
        bus.amqp.keyFile = m_key->text().trimmed();
    } else {
        bus.endpoints = BusValidator::endpointsFromText(
            m_endpoints->toPlainText(), m_curveKey->text().trimmed());
        bus.trust.validateSignatures = m_validate->isChecked();
        bus.trust.caLocation = m_caLocation->text().trimmed();
        bus.trust.crlLocation = m_crlLocation->text().trimmed();
        bus.trust.routingNitpicky = m_nitpicky->isChecked();
    }
    if (bus.label.isEmpty())
        bus.label = bus.name;
    return bus;
}

QString BusEditorDialog::errorAt(Field field) const
{
    const QLabel *label = m_errorLabels.value(errorKey(m_kind->currentIndex(), field));
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget *BusEditorDialog::fieldWidget(Field field) const
{
    return m_fields.value(int(field));
}

bool BusEditorDialog::showErrors()
{
    const QList<BusFieldError> errors = BusValidator::validate(bus(), m_otherNames);
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->setVisible(false);
        if (QWidget *buddy = label->buddy())
            buddy->setAccessibleDescription(QString());
    }
    for (const BusFieldError &error : errors) {
        QLabel *label = m_errorLabels.value(errorKey(m_kind->currentIndex(), error.field));
        if (label == nullptr || !label->text().isEmpty())
            continue; // the first problem of a field is shown
        label->setText(error.message);
        label->setVisible(true);
        if (QWidget *buddy = label->buddy())
            buddy->setAccessibleDescription(error.message);
    }
    if (!errors.isEmpty())
        if (QWidget *first = fieldWidget(errors.first().field))
            first->setFocus(Qt::OtherFocusReason);
    return errors.isEmpty();
}

void BusEditorDialog::accept()
{
    if (!showErrors())
        return;
    m_test->cancel();
    QDialog::accept();
}

void BusEditorDialog::testConnection()
{
    if (!showErrors()) {
        m_testResult->setText(tr("Failed: correct the fields marked first"));
        Q_EMIT connectionTested(false, m_testResult->text());
        return;
    }
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    m_test->start(bus());
}

void BusEditorDialog::showClientKey()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_clientKey->setText(tr("name the bus first"));
        return;
    }
    m_clientKeyButton->setEnabled(false);
    m_keys->fetch(name);
}

} // namespace fedmsg
