#pragma once

#include "demotypes.h"

#include <QList>

namespace bge::sandbox {

// The platform's fixed cast, generated from --seed: users, client apps, projects, and the
// initial samples. Immutable after start-up except for clients added from a config file.
class DemoWorld final
{
public:
    static DemoWorld generate(quint64 seed, int sampleCount = 240);

    // Adds or replaces clients from a JSON file: {"clients": [{"client_id", "client_secret",
    // "grant_type", "redirect_uris", "scopes", "name"}]}. False and a message on any error.
    bool loadClientConfig(const QString& path, QString* error);

    quint64 seed() const { return m_seed; }
    const QList<DemoUser>& users() const { return m_users; }
    const QList<DemoClient>& clients() const { return m_clients; }
    const QList<Project>& projects() const { return m_projects; }
    const QList<Sample>& initialSamples() const { return m_samples; }
    QList<Sample>& initialSamples() { return m_samples; }

    const DemoUser* findUser(const QString& username) const;
    const DemoClient* findClient(const QString& clientId) const;
    const Project* findProject(const QString& projectId) const;

    // Stable per (client, principal): where that principal's uploads go in the bucket.
    QString uploadDestination(const Principal& principal) const;

private:
    void generateUsers();
    void generateClients();
    void generateProjects();
    void generateSamples(int count);

    quint64 m_seed = 0;
    QList<DemoUser> m_users;
    QList<DemoClient> m_clients;
    QList<Project> m_projects;
    QList<Sample> m_samples;
};

} // namespace bge::sandbox
