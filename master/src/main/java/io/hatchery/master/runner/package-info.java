/**
 * The master's runtime: the control-thread state machine ({@link
 * io.hatchery.master.runner.MasterRunner}), the thread that drives it ({@link
 * io.hatchery.master.runner.Master}, the {@code MasterControl} implementation) and its hooks. No
 * web code and no sockets of its own: the transport comes in as an {@code RpcServer}.
 */
package io.hatchery.master.runner;
