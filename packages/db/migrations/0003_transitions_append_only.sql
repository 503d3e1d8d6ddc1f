-- Workflow transitions are history: append-only, like the audit trail (ADR 0006).
CREATE FUNCTION refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workflow_transitions_append_only
  BEFORE UPDATE OR DELETE ON workflow_transitions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER workflow_transitions_no_truncate
  BEFORE TRUNCATE ON workflow_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
