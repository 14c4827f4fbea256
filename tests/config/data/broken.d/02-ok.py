config = dict(environment='prod', endpoints={'x': ['tcp://127.0.0.1:1']})
if True:
    config['environment'] = 'stg'
