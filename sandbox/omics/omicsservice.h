#pragma once

// Internal to the omics server: one call's context and the operations, implemented across
// omicsserver.cpp (dispatch, authentication, faults, quotas), omicsreadsetroutes.cpp,
// omicsuploadroutes.cpp and omicsimportroutes.cpp.

#include "omicsauthenticator.h"
#include "omicserror.h"
#include "omicspaging.h"
#include "omicsquotas.h"
#include "omicsserver.h"
#include "omicsstate.h"
#include "omicsvalidator.h"

#include "aws/sigv4.h"

#include <QJsonObject>
#include <QStringList>

#include <httplib.h>

#include <atomic>

namespace bge::sandbox::omics {

struct OmicsCall
{
    OmicsCall(const httplib::Request& r, httplib::Response& s, const httplib::ContentReader* c)
        : req(r), res(s), reader(c)
    {
    }
    const httplib::Request& req;
    httplib::Response& res;
    const httplib::ContentReader* reader = nullptr;
    QByteArray requestId;
    QStringList segments; // the decoded path's segments
    QString operation;
    bool bodyRead = false; // the reader was used: it must not be called again
    QByteArray body;       // JSON operations: the whole (small) body
    QJsonObject json;      // … parsed
    aws::SigV4::Request signable;

    bool hasQuery(const char* name) const { return req.has_param(name); }
    QString query(const char* name) const { return QString::fromStdString(req.get_param_value(name)); }
    qint64 contentLength() const;
};

struct OmicsService
{
    OmicsService(OmicsServerConfig c);

    OmicsServerConfig config;
    OmicsState state;
    OmicsAuthenticator authenticator;
    OmicsQuotas quotas;

    void handle(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader* reader);
    void reply(OmicsCall& call, const QJsonObject& body);
    void fail(OmicsCall& call, const OmicsError& error);
    void drainBody(OmicsCall& call);
    // Common checks: the store id's pattern and existence (404 otherwise). False after answering.
    bool checkStore(OmicsCall& call, Validator& v, const QString& storeId);
    // maxResults (1–100) and nextToken (1–6144) from the query.
    void pagingParameters(OmicsCall& call, Validator& v, qint64* maxResults);
    bool sendPage(OmicsCall& call, const QJsonArray& items, const QString& list, const QJsonObject& filter,
                  qint64 maxResults, const QString& key);
    QString arn(const QString& storeId, const QString& readSetId = {}) const;

    void listSequenceStores(OmicsCall& call);
    void getSequenceStore(OmicsCall& call);
    void listReadSets(OmicsCall& call);
    void getReadSetMetadata(OmicsCall& call);
    void getReadSet(OmicsCall& call);
    void createUpload(OmicsCall& call);
    void uploadPart(OmicsCall& call);
    void completeUpload(OmicsCall& call);
    void abortUpload(OmicsCall& call);
    void listUploads(OmicsCall& call);
    void listParts(OmicsCall& call);
    void startImportJob(OmicsCall& call);
    void getImportJob(OmicsCall& call);
    void listImportJobs(OmicsCall& call);
};

// Shared rules of Create and StartReadSetImportJob.
QByteArray requestFingerprint(const QString& storeId, QJsonObject body);
bool needsReference(const QString& fileType);

} // namespace bge::sandbox::omics
