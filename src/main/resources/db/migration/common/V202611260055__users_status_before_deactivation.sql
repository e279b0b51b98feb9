-- The status a user had when last deactivated. Reactivating a user who had not finished onboarding (pending)
-- returns them to pending, so an emailed temporary password never becomes a full login.
ALTER TABLE users ADD COLUMN status_before_deactivation VARCHAR(16);
