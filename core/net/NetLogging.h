#pragma once

#include <QLoggingCategory>

// portolan.net: requests, retries, rate-limit waits and TLS settings of HttpClient. Never the credentials.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
