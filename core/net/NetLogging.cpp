#include "NetLogging.h"

// Debug output is off unless asked for with QT_LOGGING_RULES="portolan.net.debug=true".
Q_LOGGING_CATEGORY(lcNet, "portolan.net", QtInfoMsg)
