-- The hosted mode's schema: the same tables as the embedded SQLite file.
CREATE TABLE sessions (
  session_id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  host_token_hash TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
-- (session_id, version) is the primary key: two processes can never both write version n.
CREATE TABLE actions (
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  action_id TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (session_id, version),
  UNIQUE (session_id, action_id)
);
CREATE TABLE snapshots (
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (session_id, version)
);
CREATE TABLE host_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
CREATE TABLE seat_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
  seat_id TEXT NOT NULL
);
CREATE INDEX host_tokens_session ON host_tokens (session_id);
CREATE INDEX seat_tokens_session ON seat_tokens (session_id);
