CREATE TABLE "IdempotencyRecords" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "Scope" character varying(500) NOT NULL,
    "StatusCode" integer NOT NULL,
    "Body" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("Id")
);

CREATE TABLE "StoredDefinitions" (
    "DefinitionId" character varying(64) NOT NULL,
    "Version" character varying(64) NOT NULL,
    "Source" character varying(200) NOT NULL,
    "Content" text NOT NULL,
    "StoredAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_StoredDefinitions" PRIMARY KEY ("DefinitionId", "Version")
);

CREATE TABLE "OutboxMessages" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "InstanceId" uuid,
    "Kind" character varying(200) NOT NULL,
    "Payload" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SentAt" timestamp with time zone,
    "Attempts" integer NOT NULL,
    CONSTRAINT "PK_OutboxMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_OutboxMessages_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SchoolSettings" (
    "SchoolId" uuid NOT NULL,
    "Name" character varying(64) NOT NULL,
    "Value" character varying(200) NOT NULL,
    CONSTRAINT "PK_SchoolSettings" PRIMARY KEY ("SchoolId", "Name"),
    CONSTRAINT "FK_SchoolSettings_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkflowInstances" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "DefinitionId" character varying(64) NOT NULL,
    "DefinitionVersion" character varying(64) NOT NULL,
    "State" character varying(64) NOT NULL,
    "Revision" integer NOT NULL,
    "InitiatorId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WorkflowInstances_AspNetUsers_InitiatorId" FOREIGN KEY ("InitiatorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkflowInstances_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowHistory" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "Revision" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorId" uuid,
    "ActorRole" character varying(32),
    "Action" character varying(64) NOT NULL,
    "FromState" character varying(64),
    "ToState" character varying(64) NOT NULL,
    "Comment" character varying(4000),
    "PayloadHash" character varying(64),
    CONSTRAINT "PK_WorkflowHistory" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WorkflowHistory_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowWaits" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "State" character varying(64) NOT NULL,
    "Name" character varying(64) NOT NULL,
    "Title" character varying(200),
    "DueAt" timestamp with time zone,
    "Token" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WorkflowWaits" PRIMARY KEY ("Id"),
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
