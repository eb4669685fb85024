CREATE TABLE "ScanDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ScanDocuments" PRIMARY KEY,
    "SchoolId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "DocumentType" TEXT NOT NULL,
    "OriginalName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "HealthData" INTEGER NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ScanDocuments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScanDocuments_CorrectionRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CorrectionRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ScanDocuments_Schools_SchoolId" FOREIGN KEY ("SchoolId") REFERENCES "Schools" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ScanDocuments_RequestId" ON "ScanDocuments" ("RequestId");

CREATE INDEX "IX_ScanDocuments_SchoolId" ON "ScanDocuments" ("SchoolId");

CREATE INDEX "IX_ScanDocuments_UploadedById" ON "ScanDocuments" ("UploadedById");
