CREATE TABLE "IdempotencyRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "StoredDefinitions" (
    "DefinitionId" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Content" TEXT NOT NULL,
    "StoredAt" INTEGER NOT NULL,
    CONSTRAINT "PK_StoredDefinitions" PRIMARY KEY ("DefinitionId", "Version")
);

CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    CONSTRAINT "FK_OutboxMessages_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SchoolSettings" (
    "SchoolId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "PK_SchoolSettings" PRIMARY KEY ("SchoolId", "Name"),
    CONSTRAINT "FK_SchoolSettings_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "InitiatorId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkflowInstances_AspNetUsers_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkflowInstances_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowHistory" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowHistory" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NULL,
    "ActorRole" TEXT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NULL,
    "ToState" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "PayloadHash" TEXT NULL,
    CONSTRAINT "FK_WorkflowHistory_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowWaits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowWaits" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Title" TEXT NULL,
    "DueAt" INTEGER NULL,
    "Token" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkflowWaits_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_IdempotencyRecords_UserId_Key" ON "IdempotencyRecords" ("UserId", "Key");

CREATE INDEX "IX_OutboxMessages_SchoolId" ON "OutboxMessages" ("SchoolId");

CREATE INDEX "IX_OutboxMessages_SentAt_CreatedAt" ON "OutboxMessages" ("SentAt", "CreatedAt");

CREATE INDEX "IX_WorkflowHistory_InstanceId_Revision" ON "WorkflowHistory" ("InstanceId", "Revision");

CREATE INDEX "IX_WorkflowHistory_SchoolId" ON "WorkflowHistory" ("SchoolId");

CREATE INDEX "IX_WorkflowInstances_InitiatorId" ON "WorkflowInstances" ("InitiatorId");

CREATE INDEX "IX_WorkflowInstances_SchoolId_State" ON "WorkflowInstances" ("SchoolId", "State");

CREATE INDEX "IX_WorkflowWaits_InstanceId" ON "WorkflowWaits" ("InstanceId");

CREATE INDEX "IX_WorkflowWaits_Kind_DueAt" ON "WorkflowWaits" ("Kind", "DueAt");

CREATE INDEX "IX_WorkflowWaits_SchoolId_Kind_Name_DueAt" ON "WorkflowWaits" ("SchoolId", "Kind", "Name", "DueAt");
