package dev.alcove.core.audit;

import dev.alcove.core.uri.StepUri;
import java.util.List;

/** One check of one step of the catalogue; nothing when it does not apply to that step. */
interface StepCheck {

  List<Finding> check(AuditScope scope, StepUri uri);
}
