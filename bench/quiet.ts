// Imported first by every suite, before anything loads the AWS SDK: on Node 20 the SDK prints a
// multi-line support warning when a client is created, which says nothing about the measurements.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
