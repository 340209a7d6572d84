#include "KubeLogging.h"

Q_LOGGING_CATEGORY(lcKubeSource, "portolan.source.kubernetes", QtInfoMsg)
