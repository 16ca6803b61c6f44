import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings.local")

django_application = get_wsgi_application()

# Anonymous 304s and cache hits of public pages are answered before Django's handler; the rest reaches it unchanged.
from claims.public_cache.fast_path import PublicReadsFastPath  # noqa: E402 (needs the apps loaded above)

application = PublicReadsFastPath(django_application)
