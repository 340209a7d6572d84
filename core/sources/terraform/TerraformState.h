#pragma once

#include "util/Result.h"

#include <QCborMap>
#include <QList>
#include <QString>
#include <QStringList>

namespace Portolan::Core::Terraform {

// Terraform state files, read without Terraform: format version 4 (Terraform 0.12 and later) and, with a warning,
// version 3 (0.11 and older). Pure functions: no I/O, no event loop.
//
// Secrets never leave this parser. What a state marks sensitive (an instance's `sensitive_attributes` paths, an
// output's `sensitive: true`) is replaced by `redactedValue` before anything else sees it, and so is every attribute
// whose name says it holds a secret (password, secret, token, private key, ...) and every value that is a PEM
// private key, because providers do not mark their own sensitive attributes in the state. Instances' `private`
// blobs are dropped.

inline constexpr QLatin1StringView redactedValue{"(sensitive)"};

struct Output
{
    QString name;
    QString value; // compact JSON of the value; empty when sensitive
    QString type; // compact JSON of the type ("string", ["list","string"]), as written
    bool sensitive = false;
};

// One instance of a resource (a resource without count/for_each has one).
struct Instance
{
    QString address; // module.vpc.aws_subnet.private[0], data.aws_ami.ubuntu
    QString resourceAddress; // the same without the instance key: module.vpc.aws_subnet.private
    QString module; // module.vpc (empty: the root module)
    QString mode; // managed or data
    QString type;
    QString name;
    QString provider; // registry.terraform.io/hashicorp/aws (legacy "provider.aws" stays as written)
    QString indexKey; // "0", "a"; empty without count/for_each
    QString deposed; // the deposed key of a create_before_destroy object that is still there
    bool tainted = false;
    // The top-level attributes, secrets redacted; nested objects and lists as they are (with their secrets
    // redacted). Version 3's flat "a.b" keys are kept flat.
    QCborMap attributes;
    int redactedCount = 0; // how many values were redacted
    QStringList dependencies; // addresses of resources this one depends on, as written
};

struct State
{
    int version = 0; // 3 or 4
    QString terraformVersion;
    qint64 serial = 0;
    QString lineage;
    QList<Output> outputs;
    QList<Instance> instances;
    ErrorList warnings; // a version-3 file, instances that could not be read (the others are kept)
};

// `file` names the state in errors (a path or URL). A file that is not JSON, not a state, of a format version other
// than 3 or 4, or whose terraform_version is not a version is an error with the field and, where found, the line.
[[nodiscard]] Result<State> parse(const QByteArray &json, const QString &file);

// True for attribute names that hold secrets by convention: "password", "master_password", "client_secret",
// "private_key", "access_token", "disk_encryption_key_raw", ... (not "kms_key_id" or "http_tokens").
[[nodiscard]] bool isSecretName(QStringView name);

// A digest of an instance's (redacted) attributes, to tell modified instances between two serials.
[[nodiscard]] QString attributesDigest(const Instance &instance);

} // namespace Portolan::Core::Terraform
