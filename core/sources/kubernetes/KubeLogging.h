#pragma once

#include <QLoggingCategory>

// portolan.source.kubernetes: the kubernetes source, its client and watches.
Q_DECLARE_LOGGING_CATEGORY(lcKubeSource)
