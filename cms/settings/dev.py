"""Local development: debug on, GraphiQL on, a fixed throwaway secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CITYNEWS_GRAPHIQL = env.bool("GRAPHIQL", default=True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
CITYNEWS_HEADLESS = env.bool("HEADLESS", default=False)  # `make run` shows the templates editors preview
