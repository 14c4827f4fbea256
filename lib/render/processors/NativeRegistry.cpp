// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

#define FEDMSG_NATIVE(fn) std::unique_ptr<MetaProcessor> fn(ServiceInfo);
#define FEDMSG_NATIVE_LIST(X)                                                                      \
    X(makeAnityaProcessor)                                                                         \
    X(makeFedocalProcessor)                                                                        \
    X(makeTracProcessor)                                                                           \
    X(makeHotnessProcessor)                                                                        \
    X(makeAskbotProcessor)                                                                         \
    X(makeFasProcessor)                                                                            \
    X(makeAtomicCiProcessor)                                                                       \
    X(makeAutocloudProcessor)                                                                      \
    X(makeBodhiProcessor)                                                                          \
    X(makeComposeProcessor)                                                                        \
    X(makeDistGitPagureProcessor)                                                                  \
    X(makeGithubProcessor)                                                                         \
    X(makeKojiProcessor)                                                                           \
    X(makeOldAllpackagesCiProcessor)                                                               \
    X(makeOldContainerCiProcessor)                                                                 \
    X(makeOpenQaProcessor)                                                                         \
    X(makePagureProcessor)                                                                         \
    X(makePkgdbProcessor)                                                                          \
    X(makeScmProcessor)
FEDMSG_NATIVE_LIST(FEDMSG_NATIVE)
#undef FEDMSG_NATIVE

const std::vector<std::pair<QString, Factory>> &nativeFactories()
{
    static const std::vector<std::pair<QString, Factory>> factories = {
        { QStringLiteral("anitya"), makeAnityaProcessor },
        { QStringLiteral("fedocal"), makeFedocalProcessor },
        { QStringLiteral("trac"), makeTracProcessor },
        { QStringLiteral("hotness"), makeHotnessProcessor },
        { QStringLiteral("askbot"), makeAskbotProcessor },
        { QStringLiteral("fas"), makeFasProcessor },
        { QStringLiteral("centos_ci"), makeAtomicCiProcessor },
        { QStringLiteral("centos_ci_allpackages"), makeOldAllpackagesCiProcessor },
        { QStringLiteral("centos_ci_container"), makeOldContainerCiProcessor },
        { QStringLiteral("autocloud"), makeAutocloudProcessor },
        { QStringLiteral("bodhi"), makeBodhiProcessor },
        { QStringLiteral("compose"), makeComposeProcessor },
        { QStringLiteral("pagure_distgit"), makeDistGitPagureProcessor },
        { QStringLiteral("github"), makeGithubProcessor },
        { QStringLiteral("koji"), makeKojiProcessor },
        { QStringLiteral("openqa"), makeOpenQaProcessor },
        { QStringLiteral("pagure"), makePagureProcessor },
        { QStringLiteral("pkgdb"), makePkgdbProcessor },
        { QStringLiteral("scm"), makeScmProcessor },
    };
    return factories;
}

} // namespace fedmsg::render
