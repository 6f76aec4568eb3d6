import time

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Simplified Chinese unless the user chose another language (the set_language cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the platform
    speaks Chinese on a bureau PC whose browser happens to be set to English.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SessionRenewalMiddleware:
    """Keep a signed-in session alive for SESSION_IDLE_MINUTES after the latest request, while
    writing the session row at most once a minute (not on every page: one query less each)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            minute = int(time.time() // 60)
            if session.get("_renewed") != minute:
                session["_renewed"] = minute  # marks the session modified: saved, expiry renewed
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages and API answers show personal data: no browser or proxy keeps a copy
    (Cache-Control: no-store), unless a view chose its own caching. Static files are served
    before this runs (whitenoise) and keep theirs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response


class DebugErrorPagesMiddleware:
    """With DEBUG on (`make run`), Django answers a missing or out-of-scope record with its
    technical page in English, listing every URL pattern; a user of the demo gets the
    platform's own 404 and 403 pages instead. Added to MIDDLEWARE only when DEBUG is on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        technical = response.status_code in (403, 404) and "text/html" in response.get(
            "Content-Type", ""
        )
        if technical and not getattr(response, "platform_page", False):
            from django.views import defaults

            if response.status_code == 404:
                return defaults.page_not_found(request, None)
        return response

    def process_exception(self, request, exception):
        from django.core.exceptions import PermissionDenied
        from django.http import Http404
        from django.views import defaults

        if isinstance(exception, Http404):
            response = defaults.page_not_found(request, exception)
        elif isinstance(exception, PermissionDenied):
            response = defaults.permission_denied(request, exception)
        else:
            return None
        response.platform_page = True
        return response
