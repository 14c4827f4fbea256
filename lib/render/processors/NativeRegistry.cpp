// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "render/processors/Native.h"

namespace fedmsg::render {

// Every native handler, one line each: the "handler" name a data-file service gives, and the
// factory that ends its processors/<Name>Processor.cpp. A new handler is a new file plus one line
// here; the list makes both the declarations and the table below.
// NOLINTBEGIN(cppcoreguidelines-macro-usage): an X-macro; no function can declare the factories
#define FEDMSG_NATIVE_HANDLERS(HANDLER)                                                            \
    HANDLER("coprs", makeCoprsProcessor)                                                           \
    HANDLER("tagger", makeTaggerProcessor)                                                         \
    HANDLER("anitya", makeAnityaProcessor)                                                         \
    HANDLER("askbot", makeAskbotProcessor)                                                         \
    HANDLER("centos_ci", makeAtomicCiProcessor)                                                    \
    HANDLER("centos_ci_allpackages", makeOldAllpackagesCiProcessor)                                \
    HANDLER("centos_ci_container", makeOldContainerCiProcessor)                                    \
    HANDLER("autocloud", makeAutocloudProcessor)                                                   \
    HANDLER("bodhi", makeBodhiProcessor)                                                           \
    HANDLER("compose", makeComposeProcessor)                                                       \
    HANDLER("pagure_distgit", makeDistGitPagureProcessor)                                          \
    HANDLER("fas", makeFasProcessor)                                                               \
    HANDLER("fedocal", makeFedocalProcessor)                                                       \
    HANDLER("github", makeGithubProcessor)                                                         \
    HANDLER("hotness", makeHotnessProcessor)                                                       \
    HANDLER("koji", makeKojiProcessor)                                                             \
    HANDLER("openqa", makeOpenQaProcessor)                                                         \
    HANDLER("pagure", makePagureProcessor)                                                         \
    HANDLER("pkgdb", makePkgdbProcessor)                                                           \
    HANDLER("scm", makeScmProcessor)                                                               \
    HANDLER("trac", makeTracProcessor)                                                             \
    HANDLER("meetbot", makeSupybotProcessor)                                                       \
    HANDLER("nagios", makeNagiosProcessor)                                                         \
    HANDLER("bugzilla", makeBugzillaProcessor)                                                     \
    HANDLER("pungi", makePungiProcessor)                                                           \
    HANDLER("ansible", makeAnsibleProcessor)                                                       \
    HANDLER("mailman", makeMailmanProcessor)                                                       \
    HANDLER("koschei", makeKoscheiProcessor)                                                       \
    HANDLER("greenwave", makeGreenwaveProcessor)                                                   \
    HANDLER("mdapi", makeMdapiProcessor)                                                           \
    HANDLER("infragit", makeInfraGitProcessor)

#define FEDMSG_DECLARE_FACTORY(name, factory) std::unique_ptr<MetaProcessor> factory(ServiceInfo);
FEDMSG_NATIVE_HANDLERS(FEDMSG_DECLARE_FACTORY)
#undef FEDMSG_DECLARE_FACTORY

const std::vector<std::pair<QString, Factory>> &nativeFactories()
{
#define FEDMSG_TABLE_ENTRY(name, factory) { QStringLiteral(name), factory },
    static const std::vector<std::pair<QString, Factory>> factories = { FEDMSG_NATIVE_HANDLERS(
        FEDMSG_TABLE_ENTRY) };
#undef FEDMSG_TABLE_ENTRY
    return factories;
}
// NOLINTEND(cppcoreguidelines-macro-usage)

} // namespace fedmsg::render
