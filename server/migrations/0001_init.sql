-- The central server's first schema (issue 15): organisations, desks and head-office accounts,
-- the events every desk pushed, who may see which case, what each desk has to pull, and the
-- attachments' bytes. Every row that holds data carries its organisation, and every query
-- names it: an organisation never reads or writes another's rows.

-- One row: the epoch, a random id made when the database was created. A restored or reset
-- database gets a new one (`npm run server:admin -- new-epoch`), so every desk pulls again.
CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO server_meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));

CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

-- A desk: a code unique in its organisation (it prefixes case numbers).
CREATE TABLE desks (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  code text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (organisation_id, code)
);

-- A desk's tokens: the SHA-256 of each (never the token) and when it was revoked. Revoked rows
-- stay, so a revoked token is told so rather than "unknown". A desk has at most one live token.
CREATE TABLE desk_tokens (
  token_hash text PRIMARY KEY,
  desk_id text NOT NULL REFERENCES desks (id),
  organisation_id text NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX desk_tokens_desk ON desk_tokens (desk_id);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  login text NOT NULL UNIQUE,
  -- scrypt: {"params":{N,r,p,dkLen},"salt":hex,"hash":hex} (shared/access/credentials.ts).
  password jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- Head-office sign-ins: the SHA-256 of the bearer token and when it stops working.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  organisation_id text NOT NULL REFERENCES organisations (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One sequence for every pull cursor. Values are taken only under the organisation's
-- transaction-level advisory lock, so within an organisation they become visible in commit order.
CREATE SEQUENCE sync_seq;

-- A case belongs to the organisation whose desk first pushed it.
CREATE TABLE cases (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id)
);

-- Which desks may see (pull and write) which case: the desk that pushed it and the desks it
-- was routed to.
CREATE TABLE desk_cases (
  desk_id text NOT NULL REFERENCES desks (id),
  case_id text NOT NULL REFERENCES cases (id),
  organisation_id text NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (desk_id, case_id)
);
CREATE INDEX desk_cases_case ON desk_cases (case_id);

-- Events exactly as pushed (`body`), with the columns the server filters on.
CREATE TABLE events (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  case_id text NOT NULL REFERENCES cases (id),
  desk_id text NOT NULL REFERENCES desks (id),
  seq bigint NOT NULL UNIQUE,
  type text NOT NULL,
  hlc text NOT NULL,
  -- The attachment's hash for `case/attachmentAdded`, so a file is served only when an event of
  -- the caller's organisation names it.
  file_hash text,
  body jsonb NOT NULL
);
CREATE INDEX events_org_seq ON events (organisation_id, seq);
CREATE INDEX events_case ON events (case_id, seq);
CREATE INDEX events_file ON events (organisation_id, file_hash) WHERE file_hash IS NOT NULL;

-- What each desk has to pull, in the order of `seq`.
CREATE TABLE deliveries (
  desk_id text NOT NULL REFERENCES desks (id),
  seq bigint NOT NULL,
  event_id text NOT NULL REFERENCES events (id),
  PRIMARY KEY (desk_id, seq)
);

-- Attachments, content-addressed per organisation.
CREATE TABLE files (
  organisation_id text NOT NULL REFERENCES organisations (id),
  hash text NOT NULL,
  size integer NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, hash)
);
