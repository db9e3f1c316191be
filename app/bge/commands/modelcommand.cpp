// model: run an interpretation model.
#include "command.h"

#include <QCoreApplication>
#include "commandregistry.h"
#include "output.h"
#include "tableprinter.h"

#include "api/jsonfields.h"


namespace bge::cli {

using namespace Qt::StringLiterals;

namespace {

// Numbers with ten significant digits; a missing or null value as an empty cell.
QString valueText(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10);
    return compactJson(v);
}

class ModelCommand final : public Command
{
public:
    Q_DECLARE_TR_FUNCTIONS(bge::cli::ModelCommand)

public:
    QString name() const override { return u"model"_s; }
    QString summary() const override { return tr("run an interpretation model"); }
    QString usage() const override
    {
        return tr("Usage: bge model MODEL_ID key=value…\n\n"
                  "Parameters are the model's own, e.g. biosample_id=E-F19149953317.\n"
                  "A model that runs but cannot interpret the sample reports a non-zero model_code;\n"
                  "bge then exits with 1.\n");
    }

    void run(CliContext& ctx, const OptionReader& args) override
    {
        if (args.positional().isEmpty())
            return ctx.usageError(tr("give a model id"), usage());
        QList<std::pair<QString, QString>> parameters;
        QString problem;
        if (!parseAssignments(args.positional().mid(1), &parameters, &problem))
            return ctx.usageError(problem, usage());
        call<ModelResult>(ctx, ctx.api().invokeModel(args.positional().first(), parameters), [&ctx](const ModelResult& r) {
            const int exitCode = r.modelCode == 0 ? ExitSuccess : ExitApiError;
            if (ctx.json()) {
                printJson(r.raw);
                return ctx.finish(exitCode);
            }
            QList<std::pair<QString, QString>> fields{{u"model_code"_s, QString::number(r.modelCode)},
                                                      {u"model_msg"_s, r.modelMessage}};
            for (auto it = r.modelData.begin(); it != r.modelData.end(); ++it)
                fields.append({it.key(), TablePrinter::fitted(valueText(it.value()), 200)});
            printOut(renderFields(fields));
            if (r.modelCode != 0)
                printErr(tr("bge: the model could not interpret this sample (model_code %1: %2)\n")
                             .arg(r.modelCode)
                             .arg(r.modelMessage));
            ctx.finish(exitCode);
        });
    }
};

} // namespace

void addModelCommand(std::vector<std::unique_ptr<Command>>& commands)
{
    commands.push_back(std::make_unique<ModelCommand>());
}

} // namespace bge::cli
