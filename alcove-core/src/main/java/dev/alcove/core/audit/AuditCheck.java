package dev.alcove.core.audit;

import java.util.List;

/**
 * One check of an audit, over the whole alcove. {@link Audit#CHECKS} lists them in the order they
 * run; a check that needs what an earlier one found (the data entries the snapshots own) reads it
 * from the scope.
 */
interface AuditCheck {

  List<Finding> check(AuditScope scope);
}
