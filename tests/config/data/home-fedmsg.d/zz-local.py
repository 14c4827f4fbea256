# A user's overrides: later folders win, dicts merge.
config = {
    'environment': 'prod',
    'endpoints': {
        'fedora-infrastructure': ['tcp://127.0.0.1:9940'],
        'my-bus': ('tcp://127.0.0.1:5555', 'tcp://127.0.0.1:5556',),
    },
    'logging': {'loggers': {'fedmsg': {'level': 'DEBUG'}}},
    'validate_signatures': False,
}
