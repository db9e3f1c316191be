// Interpretation models: GET /model/{model_id}?biosample_id=…
#include "apicontext.h"
#include "demoworld.h"
#include "envelope.h"
#include "interpretationmodels.h"
#include "requestparams.h"
#include "sampleaccess.h"

#include <httplib.h>

namespace bge::sandbox {

void registerModelRoutes(httplib::Server& server, ApiContext& api)
{
    server.Get(R"(/model/([^/]+))", [&api](const httplib::Request& req, httplib::Response& res) {
        const auto grant = authorizeCall(api, req, res, AppModes::Both, "model.default");
        if (!grant)
            return;
        const InterpretationModel* model = findModel(QString::fromStdString(req.matches[1]));
        if (!model)
            return sendError(res, ApiCode::ModelNotFound);
        const RequestParams p(req);
        const auto id = p.required("biosample_id");
        if (!id)
            return sendError(res, ApiCode::InvalidParameter);
        const auto sample = ownSample(api, grant->principal, *id);
        if (!sample)
            return sendError(res, ApiCode::NotOwnSample);
        sendSuccess(res, runModel(*model, *sample, api.world.seed()));
    });
}

} // namespace bge::sandbox
