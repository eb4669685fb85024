CREATE TABLE "ScanDocuments" (
    "Id" uuid NOT NULL,
    "SchoolId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "DocumentType" character varying(64) NOT NULL,
    "OriginalName" character varying(255) NOT NULL,
    "ContentType" character varying(64) NOT NULL,
    "Size" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "HealthData" boolean NOT NULL,
    "UploadedById" uuid NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ScanDocuments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ScanDocuments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScanDocuments_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScanDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ScanDocuments_RequestId" ON "ScanDocuments" ("RequestId");

CREATE INDEX "IX_ScanDocuments_SchoolId" ON "ScanDocuments" ("SchoolId");

CREATE INDEX "IX_ScanDocuments_UploadedById" ON "ScanDocuments" ("UploadedById");
