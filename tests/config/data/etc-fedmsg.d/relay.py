# This file is part of fedmsg.
config = dict(
    endpoints={
        "relay_outbound": [
            "tcp://127.0.0.1:4001",
        ],
    },
    relay_inbound=[
        "tcp://127.0.0.1:2003",
    ],
)
