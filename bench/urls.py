"""The service's URLs plus the ceiling: bare Django views returning the same rows from one raw SQL query."""

import json

from django.db import connection
from django.http import HttpResponse
from django.urls import path

from factcheck.urls import urlpatterns as service_urlpatterns

PAGE = 50

VERDICT_ROWS = """
SELECT v.id, v.explanation, v.published_at, v.first_published_at, v.corrected_at, v.correction_reason,
       v.created_at, v.updated_at, c.id, c.text, c.status, r.name, r.value,
       COALESCE((SELECT json_agg(json_build_object('id', s.id, 'url', s.url, 'title', s.title, 'kind', s.kind,
                                                   'published_at', s.published_at))
                 FROM claims_verdict_sources vs JOIN sources_source s ON s.id = vs.source_id
                 WHERE vs.verdict_id = v.id), '[]')
FROM claims_verdict v JOIN claims_claim c ON c.id = v.claim_id JOIN claims_rating r ON r.id = v.rating_id
WHERE v.published_at IS NOT NULL AND c.status = 'published'
ORDER BY v.id DESC LIMIT %s
"""

CLAIMREVIEW_ROWS = """
SELECT v.id, v.claim_id, c.text, r.name, r.value, v.first_published_at, v.published_at, v.corrected_at,
       COALESCE((SELECT json_agg(json_build_object('url', a.url, 'title', a.title, 'published_at', a.published_at,
                                                   'outlet', o.name, 'speaker', m.speaker, 'language', a.language)
                                 ORDER BY a.published_at, a.id, m.start)
                 FROM claims_claimmention m JOIN claims_article a ON a.id = m.article_id
                 LEFT JOIN claims_outlet o ON o.id = a.outlet_id
                 WHERE m.claim_id = v.claim_id), '[]')
FROM claims_verdict v JOIN claims_claim c ON c.id = v.claim_id JOIN claims_rating r ON r.id = v.rating_id
WHERE v.published_at IS NOT NULL AND c.status = 'published'
ORDER BY v.id DESC LIMIT %s
"""


def _iso(value):
    return value.isoformat() if value is not None else None


def _rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql, [PAGE])
        return cursor.fetchall()


def ceiling_verdicts(request):
    results = [
        {
            "id": row[0], "explanation": row[1], "published_at": _iso(row[2]), "first_published_at": _iso(row[3]),
            "corrected_at": _iso(row[4]), "correction_reason": row[5], "created_at": _iso(row[6]),
            "updated_at": _iso(row[7]), "claim": {"id": row[8], "text": row[9], "status": row[10]},
            "rating": {"name": row[11], "value": row[12]}, "sources": row[13],
        }
        for row in _rows(VERDICT_ROWS)
    ]  # fmt: skip
    return HttpResponse(json.dumps({"results": results}), content_type="application/json")


def ceiling_claimreviews(request):
    results = [
        {
            "id": row[0], "claim_id": row[1], "text": row[2], "rating": row[3], "value": row[4],
            "first_published_at": _iso(row[5]), "published_at": _iso(row[6]), "corrected_at": _iso(row[7]),
            "appearances": row[8],
        }
        for row in _rows(CLAIMREVIEW_ROWS)
    ]  # fmt: skip
    return HttpResponse(json.dumps({"results": results}), content_type="application/json")


urlpatterns = [
    path("bench/ceiling/verdicts", ceiling_verdicts),
    path("bench/ceiling/claimreviews", ceiling_claimreviews),
    *service_urlpatterns,
]
