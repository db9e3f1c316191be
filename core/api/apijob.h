#pragma once

#include "apicall.h"
#include "apiconnection.h"
#include "job.h"

#include <QPointer>

namespace bge {

// A Job that is one platform call: the envelope's payload is turned into T by `parser`
// (a value type that keeps its raw JSON), or the job fails with the error that stopped it.
template <typename T>
class ApiJob final : public Job<T>
{
public:
    using Parser = std::function<Result<T>(const Envelope&)>;

    ApiJob(ApiConnection* connection, ApiRequest request, Parser parser, QObject* parent = nullptr)
        : Job<T>(parent), m_connection(connection), m_request(std::move(request)), m_parser(std::move(parser))
    {
    }

    const ApiRequest& request() const { return m_request; }
    int attempts() const { return m_call ? m_call->attempts() : 0; }

protected:
    void doStart() override
    {
        m_call = new ApiCall(m_connection, m_request, [this](const Result<Envelope>& envelope) {
            if (!envelope)
                return this->complete(envelope.error());
            Result<T> parsed = m_parser(envelope.value());
            if (!parsed)
                return this->complete(parsed.error().withContext(m_request.describe()));
            this->succeed(std::move(parsed.value()));
        }, this);
        m_call->start();
    }

    void doAbort() override
    {
        if (m_call)
            m_call->abort();
    }

private:
    QPointer<ApiConnection> m_connection;
    ApiRequest m_request;
    Parser m_parser;
    ApiCall* m_call = nullptr;
};

} // namespace bge
