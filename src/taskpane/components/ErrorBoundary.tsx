import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { errorMessage } from "../errors";

export interface ErrorBoundaryProps {
  title: string;
  retryLabel: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error?: unknown;
}

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
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {errorMessage(this.state.error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: undefined })}>{this.props.retryLabel}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
