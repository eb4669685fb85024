-- Notifications and deadlines (issue 8): outgoing mail rendered from the outbox, per-user notification
-- settings, and each school's working calendar (holidays and transferred working days).
CREATE TABLE "OutgoingMails" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutgoingMails" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "EventId" TEXT NULL,
    "RequestId" TEXT NULL,
    "UserId" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Delivery" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "ClaimedUntil" INTEGER NULL,
    "SentAt" INTEGER NULL,
    "ParkedAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "DigestId" TEXT NULL,
    CONSTRAINT "FK_OutgoingMails_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OutgoingMails_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "NotificationPreferences" (
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    CONSTRAINT "PK_NotificationPreferences" PRIMARY KEY ("UserId", "Kind"),
    CONSTRAINT "FK_NotificationPreferences_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CalendarDays" (
    "SchoolId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "PK_CalendarDays" PRIMARY KEY ("SchoolId", "Date"),
    CONSTRAINT "FK_CalendarDays_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_OutgoingMails_EventId_UserId_Kind" ON "OutgoingMails" ("EventId", "UserId", "Kind");
CREATE INDEX "IX_OutgoingMails_SchoolId_ParkedAt" ON "OutgoingMails" ("SchoolId", "ParkedAt");
CREATE INDEX "IX_OutgoingMails_SentAt_ParkedAt_NextAttemptAt" ON "OutgoingMails" ("SentAt", "ParkedAt", "NextAttemptAt");
CREATE INDEX "IX_OutgoingMails_UserId_Delivery_SentAt" ON "OutgoingMails" ("UserId", "Delivery", "SentAt");
