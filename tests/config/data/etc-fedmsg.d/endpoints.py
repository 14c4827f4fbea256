# This file is part of fedmsg.
import socket
hostname = socket.gethostname().split('.', 1)[0]

config = dict(
    # This is a dict of possible addresses from which fedmsg can send
    # messages.  fedmsg.init(...) requires that a 'name' argument be passed
    # to it which corresponds with one of the keys in this dict.
    endpoints={
        # These are here so your local box can listen to the upstream
        # infrastructure's bus.  Cool, huh?  :)
        "fedora-infrastructure": [
            "tcp://hub.fedoraproject.org:9940",
            #"tcp://stg.fedoraproject.org:9940",
        ],
        #"debian-infrastructure": [
        #    "tcp://fedmsg.olasd.eu:9940",
        #],
        "%s.%s" % ("fedmsg-hub", hostname): [
            "tcp://127.0.0.1:3000",
        ],
        'anitya-public-relay': ['tcp://release-monitoring.org' ':9940'],
    },
)
