"""History pages that show each change whole: simple_history's diff cuts long values ("The f[17 chars]nnounced…"),
which hides from an editor what a rewrite or a correction actually changed."""

from __future__ import annotations

from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

SHOWN_CHARS = 20_000  # longer than any claim or explanation an editor writes


class FullChangesHistoryAdmin(SimpleHistoryAdmin):
    def get_historical_record_context_helper(self, request, historical_record) -> HistoricalRecordContextHelper:
        return HistoricalRecordContextHelper(
            self.model, historical_record, max_displayed_delta_change_chars=SHOWN_CHARS
        )
