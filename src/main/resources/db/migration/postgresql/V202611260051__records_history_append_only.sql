-- Record history is never rewritten.
CREATE TRIGGER record_history_append_only
    BEFORE UPDATE OR DELETE ON record_history
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
