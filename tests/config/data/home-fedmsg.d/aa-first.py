config = dict(environment="stg", topic_prefix='org.example')
