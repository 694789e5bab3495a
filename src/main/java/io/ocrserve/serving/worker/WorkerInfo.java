package io.ocrserve.serving.worker;

/** A worker as the describe API shows it. */
public record WorkerInfo(String id, String startTime, String status, long memoryUsage, boolean gpu, String device) {}
