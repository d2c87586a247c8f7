import { Component, type ErrorInfo, type ReactNode } from "react";
import { tokens } from "@fluentui/react-components";
import { errorMessage } from "../errors";

export interface ErrorBoundaryProps {
  title: string;
  retryLabel: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error?: unknown;
}

// Plain elements only: the fallback must render even when a Fluent component is what failed.
const box = {
  border: `1px solid ${tokens.colorStatusDangerBorder1}`,
  background: tokens.colorStatusDangerBackground1,
  color: tokens.colorNeutralForeground1,
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalM,
  font: "inherit",
};

/** Shows a render error as a message with a retry button instead of a blank pane. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Task pane error: ${errorMessage(error)}`, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <div role="alert" style={box}>
        <strong>{this.props.title}</strong>
        <p style={{ margin: `${tokens.spacingVerticalS} 0`, overflowWrap: "anywhere" }}>{errorMessage(this.state.error)}</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
