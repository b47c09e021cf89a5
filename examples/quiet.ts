// Imported first by every example, before anything loads the AWS SDK: on Node 20 the SDK prints a
// multi-line support warning when a client is created, which says nothing about these examples.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
