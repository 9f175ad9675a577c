-- How an indicator's results add up: per fiscal year (sum or average) or the latest value.
-- Hand-entered indicators keep what they showed so far (the latest total); computed ones count per fiscal year.
ALTER TABLE goal_indicator ADD COLUMN aggregation VARCHAR(20) DEFAULT 'LATEST' NOT NULL;

UPDATE goal_indicator SET aggregation = 'FISCAL_YEAR_TOTAL' WHERE computed_source IS NOT NULL;
