#pragma once

#include "api/job.h"
#include "omicscall.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bge::omics {

// A Job that is one HealthOmics call: the 2xx answer is turned into T by `parser`.
template <typename T> class OmicsJob final : public Job<T>
{
public:
    using Parser = std::function<Result<T>(const OmicsResponse&)>;

    OmicsJob(OmicsConnection* connection, OmicsRequest request, Parser parser, QObject* parent = nullptr)
        : Job<T>(parent), m_connection(connection), m_request(std::move(request)), m_parser(std::move(parser))
    {
    }

    const OmicsRequest& request() const { return m_request; }
    int attempts() const { return m_call ? m_call->attempts() : 0; }
    // The call, once started: its uploadProgress() for part uploads.
    OmicsCall* call() const { return m_call; }

protected:
    void doStart() override
    {
        m_call = new OmicsCall(
            m_connection, m_request,
            [this](const Result<OmicsResponse>& response) {
                if (!response)
                    return this->complete(response.error());
                Result<T> parsed = m_parser(response.value());
                if (!parsed)
                    return this->complete(parsed.error().withContext(m_request.describe()));
                this->succeed(std::move(parsed.value()));
            },
            this);
        m_call->start();
    }

    void doAbort() override
    {
        if (m_call)
            m_call->abort();
    }

private:
    QPointer<OmicsConnection> m_connection;
    OmicsRequest m_request;
    Parser m_parser;
    OmicsCall* m_call = nullptr;
};

// The answer's JSON object (an empty body reads as {}: Abort answers nothing).
Result<QJsonObject> jsonObject(const OmicsResponse& response);

// A parser for answers that are one record (T::fromJson).
template <typename T> typename OmicsJob<T>::Parser recordParser()
{
    return [](const OmicsResponse& response) -> Result<T> {
        Result<QJsonObject> object = jsonObject(response);
        if (!object)
            return object.error();
        return T::fromJson(object.value(), QString());
    };
}

} // namespace bge::omics
