-- The built-in journal's cell a request entry names (a work or a lesson), chosen when the request is filed.
ALTER TABLE "CorrectionEntries" ADD "WorkId" uuid;
ALTER TABLE "CorrectionEntries" ADD "LessonId" uuid;
