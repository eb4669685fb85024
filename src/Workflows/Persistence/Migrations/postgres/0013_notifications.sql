-- Notifications and deadlines (issue 8): outgoing mail rendered from the outbox, per-user notification
-- settings, and each school's working calendar (holidays and transferred working days).
CREATE TABLE "OutgoingMails" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "EventId" uuid,
    "RequestId" uuid,
    "UserId" uuid NOT NULL,
    "To" character varying(256) NOT NULL,
    "Kind" character varying(64) NOT NULL,
    "Subject" character varying(500) NOT NULL,
    "Body" character varying(20000) NOT NULL,
    "Delivery" character varying(32) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "ClaimedUntil" timestamp with time zone,
    "SentAt" timestamp with time zone,
    "ParkedAt" timestamp with time zone,
    "LastError" character varying(1000),
    "DigestId" uuid,
    CONSTRAINT "PK_OutgoingMails" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OutgoingMails_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OutgoingMails_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationPreferences" (
    "UserId" uuid NOT NULL,
    "Kind" character varying(64) NOT NULL,
    "Mode" character varying(32) NOT NULL,
    CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Kind"),
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CalendarDays" (
    "SchoolId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Note" character varying(200),
    CONSTRAINT "PK_CalendarDays" PRIMARY KEY ("SchoolId", "Date"),
    CONSTRAINT "FK_CalendarDays_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_OutgoingMails_EventId_UserId_Kind" ON "OutgoingMails" ("EventId", "UserId", "Kind");
CREATE INDEX "IX_OutgoingMails_SchoolId_ParkedAt" ON "OutgoingMails" ("SchoolId", "ParkedAt");
CREATE INDEX "IX_OutgoingMails_SentAt_ParkedAt_NextAttemptAt" ON "OutgoingMails" ("SentAt", "ParkedAt", "NextAttemptAt");
CREATE INDEX "IX_OutgoingMails_UserId_Delivery_SentAt" ON "OutgoingMails" ("UserId", "Delivery", "SentAt");
