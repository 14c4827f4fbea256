// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "packages/SourceRpmName.h"

#include <QTest>

using fedmsg::packages::SourceRpmName;

class TestSourceRpmName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsToTheSourceName_data();
    void mapsToTheSourceName();
};

void TestSourceRpmName::mapsToTheSourceName_data()
{
    QTest::addColumn<QString>("sourceRpm");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << "python-foo-1.2-3.fc40.src.rpm"
                           << "python-foo";
    QTest::newRow("dashes in the name") << "perl-Foo-Bar-0.42-7.fc40.src.rpm"
                                        << "perl-Foo-Bar";
    QTest::newRow("starts with digits") << "4ti2-1.6.10-1.fc40.src.rpm"
                                        << "4ti2";
    QTest::newRow("digits and dots in the name") << "python3.12-3.12.4-1.fc40.src.rpm"
                                                 << "python3.12";
    QTest::newRow("digit after a dash") << "gtk2-2.24.33-19.fc40.src.rpm"
                                        << "gtk2";
    QTest::newRow("name ends in a digit group") << "qt6-qtbase-6.7.1-1.fc40.src.rpm"
                                                << "qt6-qtbase";
    QTest::newRow("release with dots and tilde") << "kernel-6.9.7-200.fc40~rc1.src.rpm"
                                                 << "kernel";
    QTest::newRow("nosrc") << "firefox-esr-115.0-1.nosrc.rpm"
                           << "firefox-esr";
    QTest::newRow("trailing newline") << "bash-5.2.26-3.fc40.src.rpm\n"
                                      << "bash";
    QTest::newRow("gpg-pubkey has none") << "(none)"
                                         << "";
    QTest::newRow("no release") << "foo-1.0.src.rpm"
                                << "";
    QTest::newRow("empty version") << "foo--1.src.rpm"
                                   << "";
    QTest::newRow("empty release") << "foo-1.0-.src.rpm"
                                   << "";
    QTest::newRow("not a source rpm") << "python-foo-1.2-3.fc40.noarch.rpm"
                                      << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestSourceRpmName::mapsToTheSourceName()
{
    QFETCH(QString, sourceRpm);
    QFETCH(QString, name);
    QCOMPARE(SourceRpmName::fromSourceRpm(sourceRpm), name);
}

QTEST_GUILESS_MAIN(TestSourceRpmName)
#include "TestSourceRpmName.moc"
