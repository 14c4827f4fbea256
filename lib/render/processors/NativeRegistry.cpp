// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

// declarations (one per native processor file)
std::unique_ptr<MetaProcessor> makeAnityaProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeAskbotProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeAtomicCiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeAutocloudProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeBodhiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeComposeProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeCoprsProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeDistGitPagureProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeFasProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeFedocalProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeGithubProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeHotnessProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeKojiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeOldAllpackagesCiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeOldContainerCiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeOpenQaProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makePagureProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makePkgdbProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeScmProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeTaggerProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeTracProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeSupybotProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeNagiosProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeBugzillaProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makePungiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeAnsibleProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeMailmanProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeKoscheiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeGreenwaveProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeMdapiProcessor(ServiceInfo);
std::unique_ptr<MetaProcessor> makeInfraGitProcessor(ServiceInfo);
// end declarations

const std::vector<std::pair<QString, Factory>> &nativeFactories()
{
    static const std::vector<std::pair<QString, Factory>> factories = {
        { QStringLiteral("coprs"), makeCoprsProcessor },
        { QStringLiteral("tagger"), makeTaggerProcessor },
        { QStringLiteral("anitya"), makeAnityaProcessor },
        { QStringLiteral("askbot"), makeAskbotProcessor },
        { QStringLiteral("centos_ci"), makeAtomicCiProcessor },
        { QStringLiteral("centos_ci_allpackages"), makeOldAllpackagesCiProcessor },
        { QStringLiteral("centos_ci_container"), makeOldContainerCiProcessor },
        { QStringLiteral("autocloud"), makeAutocloudProcessor },
        { QStringLiteral("bodhi"), makeBodhiProcessor },
        { QStringLiteral("compose"), makeComposeProcessor },
        { QStringLiteral("pagure_distgit"), makeDistGitPagureProcessor },
        { QStringLiteral("fas"), makeFasProcessor },
        { QStringLiteral("fedocal"), makeFedocalProcessor },
        { QStringLiteral("github"), makeGithubProcessor },
        { QStringLiteral("hotness"), makeHotnessProcessor },
        { QStringLiteral("koji"), makeKojiProcessor },
        { QStringLiteral("openqa"), makeOpenQaProcessor },
        { QStringLiteral("pagure"), makePagureProcessor },
        { QStringLiteral("pkgdb"), makePkgdbProcessor },
        { QStringLiteral("scm"), makeScmProcessor },
        { QStringLiteral("trac"), makeTracProcessor },
        { QStringLiteral("meetbot"), makeSupybotProcessor },
        { QStringLiteral("nagios"), makeNagiosProcessor },
        { QStringLiteral("bugzilla"), makeBugzillaProcessor },
        { QStringLiteral("pungi"), makePungiProcessor },
        { QStringLiteral("ansible"), makeAnsibleProcessor },
        { QStringLiteral("mailman"), makeMailmanProcessor },
        { QStringLiteral("koschei"), makeKoscheiProcessor },
        { QStringLiteral("greenwave"), makeGreenwaveProcessor },
        { QStringLiteral("mdapi"), makeMdapiProcessor },
        { QStringLiteral("infragit"), makeInfraGitProcessor },
        // end table
    };
    return factories;
}

} // namespace fedmsg::render
