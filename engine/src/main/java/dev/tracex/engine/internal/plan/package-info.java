/**
 * A precompiled rules form's header and its rules' plans: the compiled rules, paths and pipelines described at build
 * time ({@link dev.tracex.engine.internal.plan.PlanWriter}) and built again at cold start by calling their
 * constructors ({@link dev.tracex.engine.internal.plan.PlanReader}), without the rules-file compiler and without YAML
 * nodes. Internal: may change without notice.
 */
package dev.tracex.engine.internal.plan;
